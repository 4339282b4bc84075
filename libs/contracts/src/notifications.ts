// Notifications: request and response schemas.
export {};
