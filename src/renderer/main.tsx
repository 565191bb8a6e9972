import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, launchTokenMissing } from './api/create-api-client';
import { LaunchGate } from './app/LaunchGate';
import { applySettingsToDocument, settingsStore } from './settings/settings-store';
import './styles/theme.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/controls.css';
import './styles/highlights.css';
import './styles/views.css';
import './styles/panes.css';
import './styles/search.css';
import './styles/memos.css';
import './styles/backups.css';
import './styles/analysis.css';

// Before the first render, so the window never shows the other theme first.
applySettingsToDocument(settingsStore, document.documentElement, window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render Notebook into.');
createRoot(root).render(
  <StrictMode>
    <LaunchGate api={createApiClient()} tokenMissing={launchTokenMissing()} />
  </StrictMode>,
);
