export * from './photo-fixtures.js';
export * from './photo-catalog.contract.js';
export * from './object-storage.contract.js';
export * from './upload-url-signer.contract.js';
export * from './view-url-signer.contract.js';
export * from './images.js';
