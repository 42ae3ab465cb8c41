export * from './exifr-image-inspector.js';
export * from './exif-date.js';
