export * from './tables/enums';
export * from './tables/auth';
export * from './tables/crm';
export * from './tables/activity';
export * from './tables/work';
export * from './tables/playbook';
export * from './tables/session';
export * from './tables/audit';
<<<<<<< HEAD
export * from './tables/signals';
=======
export * from './tables/import';
>>>>>>> main
