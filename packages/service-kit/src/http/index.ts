import './express-augmentation';

export * from './body';
export * from './error-handler';
export * from './http-app';
export * from './joi-to-json-schema';
export * from './openapi';
export * from './pagination';
export * from './problem';
export { requestIdFrom, routeTemplateOf } from './request-context';
export * from './route';
export * from './validation';
