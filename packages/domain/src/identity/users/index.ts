export * from './user.js';
export * from './username.js';
export * from './password-policy.js';
export * from './user-repository.port.js';
export * from './password-hasher.port.js';
export * from './sign-up.use-case.js';
export * from './get-current-user.use-case.js';
export * from './who-am-i.use-case.js';
