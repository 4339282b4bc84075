// Approval operations: request and response schemas.
export {};
