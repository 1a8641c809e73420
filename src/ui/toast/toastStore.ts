import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
}

interface ToastState {
  toasts: Toast[];
}

const store = createStore<ToastState>()(() => ({ toasts: [] }));
let nextId = 1;

/** Shows a short message in the corner; errors linger longer because they explain a refusal. */
export function toast(message: string, tone: Toast['tone'] = 'info'): void {
  const id = nextId++;
  store.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, tone, message }] }));
  setTimeout(() => dismissToast(id), tone === 'error' ? 6000 : 3000);
}

export function dismissToast(id: number): void {
  store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

const selectToasts = (s: ToastState) => s.toasts;
export const useToasts = (): Toast[] => useStore(store, selectToasts);
