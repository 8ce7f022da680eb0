import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';
import './fonts';

createRoot(document.getElementById('root')!).render(<App />);
