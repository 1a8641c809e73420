import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { selectTheme, useSession } from '../state/sessionStore';
import { AutosaveHeldNotice } from './AutosaveHeldNotice';
import { Banner } from './Banner';
import { Canvas } from './canvas/Canvas';
import { useShortcuts } from './canvas/useShortcuts';
import { Dialogs } from './dialogs/Dialogs';
import { Inspector } from './inspector/Inspector';
import { LessonPanel } from './lessons/LessonPanel';
import { LiveLayer } from './live/LiveLayer';
import { ScenarioTimeline } from './live/ScenarioTimeline';
import { Palette } from './palette/Palette';
import { BottomPanel } from './panels/BottomPanel';
import { Toasts } from './toast/Toasts';
import { Toolbar } from './toolbar/Toolbar';
import { WalkthroughLayer } from './walkthrough/WalkthroughButton';

/** The editor shell: toolbar on top, palette, canvas and inspector, run output underneath. */
export function App() {
  const theme = useSession(selectTheme);
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <div className="workspace">
          <Palette />
          <LessonPanel />
          <main className="center">
            <AutosaveHeldNotice />
            <Banner />
            <Canvas />
            <LiveLayer />
            <Toasts />
            <ScenarioTimeline />
            <BottomPanel />
          </main>
          <Inspector />
        </div>
        <Dialogs />
        <WalkthroughLayer />
      </div>
    </ReactFlowProvider>
  );
}
