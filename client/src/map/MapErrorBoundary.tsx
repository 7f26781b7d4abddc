/** Catches a map chunk that fails to download or a map that throws, so the cards keep working. */
import { Component, type ReactNode } from 'react';

interface Props {
  onError(): void;
  children: ReactNode;
}

export class MapErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('The map failed:', error);
    this.props.onError();
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
