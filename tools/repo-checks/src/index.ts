export * from './platform-services';
export * from './repo-files';
export * from './compose-checks';
export * from './k8s-checks';
export * from './ci-checks';
export * from './observability-checks';
export * from './port-checks';
