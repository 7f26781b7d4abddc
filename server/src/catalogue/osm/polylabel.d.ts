// The polylabel package ships no type declarations; this states the one function the build uses.
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
