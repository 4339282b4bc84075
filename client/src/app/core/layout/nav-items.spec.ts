import { homePathFor, navItemsFor } from './nav-items';

describe('navItemsFor / homePathFor', () => {
  it('should give the inbox views and documents but no designer when the user is a clerk', () => {
    // Given a clerk, when the menu is built
    const paths = navItemsFor(['clerk']).map((item) => item.path);
    // Then it holds the inbox views and documents only
    expect(paths).toEqual(['/inbox', '/inbox/done', '/inbox/started', '/inbox/cc', '/inbox/circulation', '/documents']);
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
    expect(navItemsFor(['security_admin']).map((item) => item.path)).toEqual(['/security']);
    expect(navItemsFor(['auditor']).map((item) => item.path)).toEqual(['/audit']);
  });

  it('should lead to the inbox first when a workflow admin is also a leader', () => {
    // Given a leader who is also workflow admin, then the inbox comes first and the designer is there too
    const paths = navItemsFor(['workflow_admin', 'leader']).map((item) => item.path);
    expect(paths[0]).toBe('/inbox');
    expect(paths).toContain('/designer');
  });

  it('should lead to the forbidden page when the user has no role', () => {
    // Given a user without roles, then there is no menu and home is /forbidden
    expect(navItemsFor([])).toEqual([]);
    expect(homePathFor([])).toBe('/forbidden');
  });
});
