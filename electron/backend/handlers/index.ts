import { appHandlers } from './app-handlers.ts';
import { disclosureHandlers } from './disclosure-handlers.ts';
import { demoHandlers } from './demo-handlers.ts';
import { evidenceHandlers } from './evidence-handlers.ts';
import { importHandlers } from './import-handlers.ts';
import { metricsHandlers } from './metrics-handlers.ts';
import { reviewHandlers } from './review-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import type { HandlerMap } from './types.ts';
import { workspaceHandlers } from './workspace-handlers.ts';

/** The contract's one implementation: every call name to its handler. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...settingsHandlers,
  ...workspaceHandlers,
  ...importHandlers,
  ...disclosureHandlers,
  ...reviewHandlers,
  ...metricsHandlers,
  ...demoHandlers,
  ...evidenceHandlers,
};
