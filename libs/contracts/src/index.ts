export * from './proto-root';
