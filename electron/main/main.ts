import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createDispatch } from '../../shared/ipc/dispatch';
import { createServices } from '../services/compose';
import { ElectronStoreBackend } from './adapters/electron-store-backend';
import { SafeStorageCipher } from './adapters/safe-storage-cipher';
import { utilityProcessHost } from './adapters/utility-process-host';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

/** The composition root of the Electron shell. */
registerAppScheme();

app.enableSandbox();

void app.whenReady().then(() => {
  const appDir = app.getAppPath();
  const { services, events, reachability, dispose } = createServices({
    appVersion: app.getVersion(),
    transport: 'electron',
    electronVersion: process.versions.electron,
    dataDirectory: app.getPath('userData'),
    settingsBackend: new ElectronStoreBackend(),
    secretCipher: new SafeStorageCipher(),
    // electron-builder copies models/ into the resources folder (extraResources).
    builtInPacksDirectory: app.isPackaged ? path.join(process.resourcesPath, 'models', 'packs') : path.join(appDir, 'models', 'packs'),
    // onnxruntime-node runs in a utility process, bundled beside main.cjs (unpacked from the
    // archive when packaged: electron-builder.yml asarUnpack).
    spawnInferenceProcess: () => utilityProcessHost(path.join(appDir.replace(/app\.asar$/, 'app.asar.unpacked'), 'dist', 'electron', 'ort-host.cjs')),
  });
  const dispatch = createDispatch(services, (channel, err) => console.error(`[tandem] ${channel} failed:`, err instanceof Error ? err.stack : err));
  registerIpc(dispatch, events);
  reachability.start();
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    // Let the outbox finish its record writes and the archive flush before the process ends.
    event.preventDefault();
    disposed = true;
    void dispose().finally(() => app.quit());
  });
  serveRenderer(path.join(appDir, 'dist', 'renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const preload = path.join(appDir, 'dist', 'electron', 'preload.cjs');
  createMainWindow(preload);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preload);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
