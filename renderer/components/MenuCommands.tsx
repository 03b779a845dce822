import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { getBridge } from '../data/api.ts';
import { ConnectWarehouseDialog } from './warehouse/ConnectWarehouseDialog.tsx';

/**
 * What the native menu asks of the UI (Electron: File › Connect to ClickHouse… sends `ui:command`):
 * the dialogs it opens, the same ones as the Welcome card and the workspace menu.
 */
export function MenuCommands() {
  const [connecting, setConnecting] = useState(false);
  useEffect(
    () =>
      getBridge().on('ui:command', ({ command }) => {
        if (command === 'connect-warehouse') setConnecting(true);
      }),
    [],
  );
  return connecting ? createPortal(<ConnectWarehouseDialog onClose={() => setConnecting(false)} />, document.body) : null;
}
