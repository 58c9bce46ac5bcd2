/**
 * Live practice sessions, the domain core shared by server and browser. The server's job per
 * command: parseCommand -> check listCommandReferences against the workspace -> decideEvents
 * (which authorizes) -> sequenceEvents and append in one transaction -> ack -> broadcast
 * projectEventFor each viewer. The browser folds the same events with reduceSession.
 */
export * from './vocabulary';
export * from './agenda';
export * from './plan';
export * from './events';
export * from './commands';
export { authorizeCommand, canFacilitate, FACILITATOR_COMMANDS, type SessionActor } from './authorizeCommand';
export { decideEvents, type Decision } from './decideEvents';
export { dealAccounts } from './decideSpotting';
export { listCommandReferences, type CommandReferences } from './commandReferences';
export * from './state';
export { initialSessionState, reduceSession, applyEvents, replaySession, MissingEventsError } from './reduceSession';
export * from './timer';
export * from './visibility';
export { signalKey, normalizeSignalName } from './signalKey';
export * from './analyzeTags';
export * from './rotation';
export { renderSessionSummary, type SummaryContext } from './summarizeSession';
export { escapeMarkdown } from './markdown';
export { decideCalibrationEvents } from './decideCalibration';
export { formatAlpha } from './summarizeCalibration';
