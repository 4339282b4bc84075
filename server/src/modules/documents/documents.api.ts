// The documents module's public surface for other modules.
export { documentLabel, documentLabels } from './document-labels';
