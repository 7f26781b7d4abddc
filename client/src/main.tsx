/** Entry point: languages first (so the first paint is in the right one), then the app behind its router. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { registerServiceWorker } from './offline/register-service-worker.ts';
import './styles.css';

// The agency console is another app on the same origin: loaded only by those who open it.
const AgencyApp = lazy(() => import('./agency/AgencyApp.tsx').then((m) => ({ default: m.AgencyApp })));

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <Routes>
          <Route
            path="/agency/*"
            element={
              <Suspense fallback={null}>
                <AgencyApp />
              </Suspense>
            }
          />
          <Route path="*" element={<App />} />
        </Routes>
      </BrowserRouter>
    </StrictMode>,
  ),
);
registerServiceWorker();
