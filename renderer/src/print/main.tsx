import { createRoot } from 'react-dom/client';
import { PrintApp } from './PrintApp';
import '../fonts';

// print.html: the pages of an edition as they print, for Chromium's PDF and page images
// (playwright in the host and CLI, printToPDF in Electron). No app chrome.
createRoot(document.getElementById('root')!).render(<PrintApp />);
