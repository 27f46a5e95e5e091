/**
 * Where settings persist. electron-store in Electron, its base library `conf` in plain Node; both
 * keep one JSON document written atomically.
 */
export interface SettingsBackend {
  read(): unknown;
  write(value: unknown): void;
}
