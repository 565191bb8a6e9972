import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/create-api-client';
import { App } from './app/App';
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render Notebook into.');
createRoot(root).render(
  <StrictMode>
    <App api={createApiClient()} />
  </StrictMode>,
);
