import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from '@liuzhuan/contracts';
import { authGuard, guestGuard, homeGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { loginResponse, sessionUser } from './auth.testing';
import { roleGuard } from './role.guard';

@Component({ template: '' })
class BlankPage {}

describe('authGuard / roleGuard / homeGuard / guestGuard', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', canActivate: [guestGuard], component: BlankPage },
          { path: 'forbidden', component: BlankPage },
          {
            path: '',
            canActivate: [authGuard],
            children: [
              { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
              { path: 'inbox', canActivate: [roleGuard(['clerk', 'leader'])], component: BlankPage },
              { path: 'designer', canActivate: [roleGuard(['workflow_admin'])], component: BlankPage },
            ],
          },
        ]),
      ],
    });
  });

  async function signIn(roles: Role[]): Promise<void> {
    const login = TestBed.inject(AuthService).login('u', 'p');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush(loginResponse(sessionUser({ roles })));
    await login;
  }

  async function go(url: string): Promise<string> {
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    return router.url;
  }

  it('should send a signed-out user to /login with a returnUrl when a deep link is opened', async () => {
    // Given nobody signed in, when /inbox is opened, then sign-in opens with the way back
    expect(await go('/inbox')).toBe('/login?returnUrl=%2Finbox');
  });

  it('should send a signed-out user to a plain /login when the root is opened', async () => {
    // Given nobody signed in, when / is opened, then sign-in opens without a returnUrl
    expect(await go('/')).toBe('/login');
  });

  it('should lead a clerk from / to the inbox when signed in', async () => {
    // Given a clerk, when / is opened, then the inbox opens
    await signIn(['clerk']);
    expect(await go('/')).toBe('/inbox');
  });

  it('should lead a workflow admin from / to the designer when signed in', async () => {
    // Given a workflow admin, when / is opened, then the designer opens
    await signIn(['workflow_admin']);
    expect(await go('/')).toBe('/designer');
  });

  it('should show /forbidden when a clerk opens the designer', async () => {
    // Given a clerk, when they follow a link to the designer, then access is refused
    await signIn(['clerk']);
    expect(await go('/designer')).toBe('/forbidden');
  });

  it('should send a signed-in user home when they open /login', async () => {
    // Given a signed-in clerk, when /login is opened, then the inbox opens instead
    await signIn(['clerk']);
    expect(await go('/login')).toBe('/inbox');
  });
});
