/** First screen of the foundation: who we are and which mode we run in, read over the contract. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/app';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.saldo?.invoke['app.info']({}).then((answer) => {
      if (answer.ok) setInfo(answer.value);
    });
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
      <h1>Saldo</h1>
      {info && (
        <p>
          {info.version} · {info.mode === 'demo' ? 'Modo demostración' : 'En vivo'}
        </p>
      )}
    </main>
  );
}
