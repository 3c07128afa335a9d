import { FeatureDetector } from './FeatureDetector.d';
import { SimpleBlobDetectorParams } from './SimpleBlobDetectorParams.d';

export class SimpleBlobDetector extends FeatureDetector {
  constructor(params: SimpleBlobDetectorParams);
}
