import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './bridge.ts';

// Sandboxed preload (bundled by scripts/build-electron.mjs): exposes one narrow object, never ipcRenderer.
contextBridge.exposeInMainWorld('noticeDesk', createPreloadBridge(ipcRenderer, webUtils));
