import { ImgHashBase } from "./ImgHashBase.d";

export class PHash extends ImgHashBase {}
