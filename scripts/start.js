// `npm start`: runs the built app. adapter-node assumes https when it has no ORIGIN, which would
// make every form post on http://localhost fail the same-origin check, so default it here.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? '3000'}`;
await import('../build/index.js');
