export * from './time/sao-paulo-time';
export * from './pagination/cursor-pagination';
