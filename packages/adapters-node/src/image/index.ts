export * from './exifr-image-inspector.js';
export * from './exif-date.js';
export * from './sharp-image-processor.js';
