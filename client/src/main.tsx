/** Entry point: languages first (so the first paint is in the right one), then the app behind its router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';
import './styles.css';

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  ),
);
registerServiceWorker();
