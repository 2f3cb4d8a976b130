import { Link } from "react-router";

/** An address that leads nowhere, or a record outside the person's access (the two look the same). */
export function NotFoundPage() {
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address, or it is not something you have access to.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}
