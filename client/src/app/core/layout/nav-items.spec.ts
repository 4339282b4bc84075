import { homePathFor, navItemsFor } from './nav-items';

describe('navItemsFor / homePathFor', () => {
  it('should give the inbox views and documents but no designer when the user is a clerk', () => {
    // Given a clerk, when the menu is built
    const paths = navItemsFor(['clerk']).map((item) => item.path);
    // Then it holds the inbox views and documents only
    expect(paths).toEqual(['/inbox', '/inbox/done', '/inbox/started', '/inbox/cc', '/inbox/circulation', '/documents', '/proxies']);
    expect(homePathFor(['clerk'])).toBe('/inbox');
  });

  it('should give designer and monitor without inbox when the user is a pure workflow admin', () => {
    // Given a workflow admin without business roles, when the menu is built
    const paths = navItemsFor(['workflow_admin']).map((item) => item.path);
    // Then only the workflow pages are offered, and home is the designer
    expect(paths).toEqual(['/designer', '/monitor']);
    expect(homePathFor(['workflow_admin'])).toBe('/designer');
  });

  it('should keep the three separated admins apart when each holds one admin role', () => {
    // Given the three admins of 三员分立, then each sees only their own page
    expect(navItemsFor(['system_admin']).map((item) => item.path)).toEqual(['/admin']);
    expect(navItemsFor(['security_admin']).map((item) => item.path)).toEqual(['/security', '/audit']);
    expect(navItemsFor(['security_admin']).map((item) => item.label)).toEqual(['nav.security', 'nav.auditorLog']);
    expect(navItemsFor(['auditor']).map((item) => item.label)).toEqual(['nav.audit']);
  });

  it('should lead to the inbox first when a workflow admin is also a leader', () => {
    // Given a leader who is also workflow admin, then the inbox comes first and the designer is there too
    const paths = navItemsFor(['workflow_admin', 'leader']).map((item) => item.path);
    expect(paths[0]).toBe('/inbox');
    expect(paths).toContain('/designer');
  });

  it('should give the inbox views but not documents when the user is staff without any role', () => {
    // Given a 科员 without roles (tasks can still be assigned to them), when the menu is built
    const paths = navItemsFor([]).map((item) => item.path);
    // Then the inbox views are there and home is the inbox
    expect(paths).toEqual(['/inbox', '/inbox/done', '/inbox/started', '/inbox/cc', '/inbox/circulation', '/proxies']);
    expect(homePathFor([])).toBe('/inbox');
  });

  it('should give the inbox when an admin also holds a business role', () => {
    // Given a system admin who is also a clerk (unusual, but possible), then the inbox is offered
    expect(homePathFor(['system_admin', 'clerk'])).toBe('/inbox');
  });
});
