import { useState, type FormEvent } from 'react';
import type { PacsAuthKind, PacsProfile, PacsProfileInput } from '../../../shared/domain/pacs-profile';
import { useT } from '../../app/i18n';

interface Props {
  initial?: PacsProfile;
  onSave(input: PacsProfileInput): Promise<void>;
}

/** Profile id from its name: `Clinic PACS` → `clinic-pacs`. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'pacs';
}

/** Create or edit one DICOMweb server. One base URL serves QIDO, WADO and STOW unless the advanced fields say otherwise. */
export function PacsProfileForm({ initial, onSave }: Props) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(initial?.qidoUrl ?? 'http://');
  const [auth, setAuth] = useState<PacsAuthKind>(initial?.auth ?? 'none');
  const [username, setUsername] = useState(initial?.username ?? '');
  const [secret, setSecret] = useState('');
  const [timeoutS, setTimeoutS] = useState(String((initial?.timeoutMs ?? 30_000) / 1000));
  const [wadoUrl, setWadoUrl] = useState(initial && initial.wadoUrl !== initial.qidoUrl ? initial.wadoUrl : '');
  const [stowUrl, setStowUrl] = useState(initial && initial.stowUrl !== initial.qidoUrl ? initial.stowUrl : '');
  const [caPem, setCaPem] = useState(initial?.caCertificatePem ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = baseUrl.trim().replace(/\/+$/, '');
    void onSave({
      id: initial?.id ?? slug(name),
      name: name.trim(),
      qidoUrl: url,
      wadoUrl: wadoUrl.trim().replace(/\/+$/, '') || url,
      stowUrl: stowUrl.trim().replace(/\/+$/, '') || url,
      caCertificatePem: caPem.trim() || undefined,
      auth,
      username: auth === 'basic' ? username : undefined,
      secret: auth === 'none' ? '' : secret || undefined,
      timeoutMs: Math.round(Number(timeoutS) * 1000) || 30_000,
    });
  };
  return (
    <form className="pacs-form" onSubmit={submit} aria-label="PACS profile">
      <label>
        {t('settings.name')}
        <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('settings.baseUrl')}
        <input name="baseUrl" required type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://pacs.example/dicom-web" />
      </label>
      <label>
        {t('settings.auth')}
        <select name="auth" value={auth} onChange={(e) => setAuth(e.target.value as PacsAuthKind)}>
          <option value="none">none</option>
          <option value="basic">basic</option>
          <option value="bearer">bearer</option>
        </select>
      </label>
      {auth === 'basic' && (
        <label>
          {t('settings.username')}
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
      )}
      {auth !== 'none' && (
        <label>
          {t('settings.secret')}
          <input name="secret" type="password" value={secret} onChange={(e) => setSecret(e.target.value)} placeholder={initial?.hasSecret ? '••••••' : ''} autoComplete="new-password" />
        </label>
      )}
      <label>
        {t('settings.timeout')}
        <input name="timeout" type="number" min={1} max={600} value={timeoutS} onChange={(e) => setTimeoutS(e.target.value)} />
      </label>
      <details>
        <summary>{t('settings.advanced')}</summary>
        <label>
          {t('settings.wadoUrl')}
          <input name="wadoUrl" type="url" value={wadoUrl} onChange={(e) => setWadoUrl(e.target.value)} placeholder={baseUrl} />
        </label>
        <label>
          {t('settings.stowUrl')}
          <input name="stowUrl" type="url" value={stowUrl} onChange={(e) => setStowUrl(e.target.value)} placeholder={baseUrl} />
        </label>
        <label>
          {t('settings.ca')}
          <textarea name="ca" rows={4} value={caPem} onChange={(e) => setCaPem(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" />
        </label>
      </details>
      <button type="submit">{t('settings.save')}</button>
    </form>
  );
}
