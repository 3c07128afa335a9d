/// <reference types="node" />
export declare function getDirName(): string;
export declare function getRequire(): NodeRequire;
