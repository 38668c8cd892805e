import type { ObjectStore } from '@autocorp/lake-storage';

/** The real store, except that the first position.json written after a Parquet file fails: a crash between files and position. */
export function crashAfterFiles(store: ObjectStore): ObjectStore {
  let sawFile = false;
  let crashed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'putFile') {
        return async (...args: Parameters<ObjectStore['putFile']>) => {
          const info = await target.putFile(...args);
          sawFile = true;
          return info;
        };
      }
      if (property === 'put') {
        return async (...args: Parameters<ObjectStore['put']>) => {
          if (sawFile && !crashed && args[0].endsWith('/position.json')) {
            crashed = true;
            throw new Error('injected crash before the position is stored');
          }
          return target.put(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
