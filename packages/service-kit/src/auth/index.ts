export * from './auth-context';
export * from './auth.middleware';
export * from './dev-key-paths';
export * from './dev-keys';
export * from './token-verifier';
export * from './verifier-from-config';
