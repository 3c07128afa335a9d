import * as allOpenCV from './openCV';
export * from './openCV';
export declare const cv: typeof allOpenCV;
export default cv;
export { getDirName, getRequire } from "../types/lib/meta.js";
