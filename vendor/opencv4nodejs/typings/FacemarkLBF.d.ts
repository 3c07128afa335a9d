import { Facemark } from "./Facemark";
import { FacemarkLBFParams } from "./FacemarkLBFParams";

export class FacemarkLBF extends Facemark {
    constructor(params?: FacemarkLBFParams)
}
