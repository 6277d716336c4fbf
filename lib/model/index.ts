export * from './ticket';
export * from './shop';
export * from './template';
export * from './settings';
export * from './surface';
