// The network's viewBox, shared by its layout (network-layout.ts, on the server) and its drawing (network-plot.tsx, a
// client component that must not bring d3-force into the browser's bundle).
export const NETWORK_WIDTH = 1000;
export const NETWORK_HEIGHT = 625;
