/**
 * `make`, computed once per object: later calls with the same object get the first result, and the
 * results go with their objects (a WeakMap). For inputs that never change once made, such as parsed
 * articles and views: nothing tells this that an object changed. The build makes each article's list
 * entry, link and their JSON this way, once instead of once per list that shows them (issue #20).
 */
export function oncePerObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = make(key);
      results.set(key, result);
    }
    return result;
  };
}
