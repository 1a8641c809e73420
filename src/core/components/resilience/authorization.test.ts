import { describe, expect, it } from 'vitest';
import { Authorizer, acceptConnection, callerSendsMtls } from './authorization';

describe('Authorizer (Istio AuthorizationPolicy)', () => {
  it('denies when a DENY policy matches even though an ALLOW policy matches too', () => {
    const a = new Authorizer([
      { action: 'ALLOW', principals: ['orders'] },
      { name: 'no-admin', action: 'DENY', paths: ['/admin/*'] },
    ]);
    expect(a.check('orders', '/admin/users', 'GET')).toBe('deniedByPolicy');
    expect(a.lastDenyPolicy).toBe('no-admin');
    expect(a.check('orders', '/orders', 'GET')).toBe('allow');
  });

  it('allows everything when there is no ALLOW policy and no DENY matches', () => {
    const a = new Authorizer([{ action: 'DENY', methods: ['DELETE'] }]);
    expect(a.check(null, '/x', 'GET')).toBe('allow');
    expect(a.check(null, '/x', 'DELETE')).toBe('deniedByPolicy');
    expect(new Authorizer([]).check(null, '/', 'GET')).toBe('allow');
  });

  it('allows only requests some ALLOW policy matches once one exists', () => {
    const a = new Authorizer([
      { action: 'ALLOW', principals: ['gateway'], methods: ['GET'] },
      { action: 'ALLOW', principals: ['admin'] },
    ]);
    expect(a.check('gateway', '/p', 'GET')).toBe('allow');
    expect(a.check('gateway', '/p', 'POST')).toBe('notAllowed');
    expect(a.check('admin', '/p', 'POST')).toBe('allow');
    expect(a.check('stranger', '/p', 'GET')).toBe('notAllowed');
    expect(a.denied).toBe(2);
  });

  it('ANDs the fields of one policy and ORs the values within a field', () => {
    const a = new Authorizer([
      { action: 'ALLOW', principals: ['a', 'b'], paths: ['/x'], methods: ['GET', 'PUT'] },
    ]);
    expect(a.check('b', '/x', 'PUT')).toBe('allow');
    expect(a.check('b', '/y', 'PUT')).toBe('notAllowed');
    expect(a.check('c', '/x', 'GET')).toBe('notAllowed');
  });

  it('matches paths exactly, by prefix `/x/*`, by suffix `*.json` and by presence `*`', () => {
    const check = (pattern: string, path: string) =>
      new Authorizer([{ action: 'ALLOW', paths: [pattern] }]).check(null, path, 'GET') === 'allow';
    expect(check('/orders', '/orders')).toBe(true);
    expect(check('/orders', '/orders/1')).toBe(false);
    expect(check('/orders/*', '/orders/1')).toBe(true);
    expect(check('/orders/*', '/order')).toBe(false);
    expect(check('*.json', '/a/b.json')).toBe(true);
    expect(check('*.json', '/a/b.xml')).toBe(false);
    expect(check('*', '/anything')).toBe(true);
  });

  it('cannot match principals without an mTLS identity, so a principal ALLOW refuses plaintext callers', () => {
    const a = new Authorizer([{ action: 'ALLOW', principals: ['*'] }]);
    expect(a.check('orders', '/', 'GET')).toBe('allow');
    expect(a.check(null, '/', 'GET')).toBe('notAllowed');
  });

  it('treats a policy with every field empty as matching all requests', () => {
    expect(new Authorizer([{ action: 'DENY' }]).check('x', '/', 'GET')).toBe('deniedByPolicy');
  });
});

describe('mTLS modes (Istio PeerAuthentication with auto mTLS)', () => {
  it('STRICT refuses a plaintext caller and accepts an mTLS one', () => {
    expect(acceptConnection('STRICT', false)).toBe('refused');
    expect(acceptConnection('STRICT', true)).toBe('mtls');
  });

  it('PERMISSIVE accepts both plaintext and mTLS', () => {
    expect(acceptConnection('PERMISSIVE', false)).toBe('plaintext');
    expect(acceptConnection('PERMISSIVE', true)).toBe('mtls');
  });

  it('DISABLE accepts plaintext only, and mesh callers downgrade to it', () => {
    expect(callerSendsMtls(true, 'DISABLE')).toBe(false);
    expect(acceptConnection('DISABLE', callerSendsMtls(true, 'DISABLE'))).toBe('plaintext');
  });

  it('callers outside the mesh always speak plaintext', () => {
    expect(callerSendsMtls(false, 'STRICT')).toBe(false);
    expect(callerSendsMtls(true, 'STRICT')).toBe(true);
  });
});
