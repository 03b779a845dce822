import type { ComponentType } from 'react';
import { DemoWorkspaceButton } from './DemoWorkspaceButton.tsx';
import { OpenReviewFileButton } from './OpenReviewFileButton.tsx';
import { ConnectWarehouseButton } from './warehouse/ConnectWarehouseButton.tsx';

/**
 * Extra actions on the first-launch / no-workspace screen, in order. SLOT for the metrics
 * engineer: add one line here, e.g. `OpenDemoWorkspaceButton` (which calls `demo:create`).
 * Each component renders one button (class `btn btn-secondary` fits the screen).
 */
export const welcomeActions: ComponentType[] = [ConnectWarehouseButton, DemoWorkspaceButton, OpenReviewFileButton];
