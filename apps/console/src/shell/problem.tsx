import type { Resource } from './use-resource';

/** Loading, or the API's problem as it said it; the page's content once there is data. */
export const Loaded = <T,>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => preact.ComponentChildren;
}) => {
  if (resource.error)
    return (
      <p role="alert" class="error">
        {resource.error}
      </p>
    );
  if (!resource.data) return <p aria-busy="true">Loading…</p>;
  return <>{children(resource.data)}</>;
};
