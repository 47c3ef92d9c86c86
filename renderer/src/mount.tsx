// React and the app, in their own chunk: main.tsx starts the first IPC calls before this (the bulk of the
// script) is fetched and evaluated.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

export function mount(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
}
