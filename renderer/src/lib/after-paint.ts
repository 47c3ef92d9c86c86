// "A frame has painted": the next animation frame, then the task after it (the frame is produced by then).
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0))
    else setTimeout(resolve, 0)
  })
}

/** After the next paint, once the page has nothing more urgent to do (at the latest after `timeoutMs`): for work
 * the screen can show later, so it neither delays that frame nor the input and rendering right behind it. */
export function afterPaintWhenIdle(timeoutMs = 2000): Promise<void> {
  return afterNextPaint().then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs })
        else setTimeout(resolve, 0)
      })
  )
}
