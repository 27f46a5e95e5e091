import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectApi } from './app/api';
import { initImaging } from './imaging/cornerstone';
import './app/app.css';

const root = createRoot(document.getElementById('root')!);

try {
  const api = connectApi();
  // Imaging starts in the background; viewports wait for it themselves.
  void initImaging();
  root.render(<App api={api} />);
} catch (err) {
  root.render(
    <div className="fatal" role="alert">
      {err instanceof Error ? err.message : String(err)}
    </div>,
  );
}
