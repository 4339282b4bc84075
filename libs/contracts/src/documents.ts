// Official documents (公文): request and response schemas.
export {};
