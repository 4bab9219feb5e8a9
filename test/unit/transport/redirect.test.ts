import { describe, expect, it } from "vitest";
import { MAX_REDIRECTS, redirectStep } from "../../../src/transport/redirect.js";

const API = "https://api.example.com";
const from = `${API}/api/v1/calling/create-call`;
const answer = (status: number, location?: string, type: ResponseType = "basic") => ({
  status,
  type,
  headers: new Headers(location === undefined ? {} : { location }),
});

describe("redirectStep", () => {
  it("keeps an answer that is not a redirect", () => {
    for (const status of [200, 204, 300, 304, 400, 500]) {
      expect(redirectStep(answer(status, "/x"), from, "POST", API, 0)).toBeUndefined();
    }
  });

  it("follows a same-origin 307 or 308 for any method, resolving a relative location", () => {
    for (const status of [307, 308]) {
      expect(redirectStep(answer(status, "/v2/call"), from, "POST", API, 0)).toEqual({
        follow: `${API}/v2/call`,
      });
    }
  });

  it("follows 301, 302 and 303 only for GET and HEAD", () => {
    for (const status of [301, 302, 303]) {
      for (const method of ["GET", "HEAD"]) {
        expect(redirectStep(answer(status, "/b"), from, method, API, 0)).toEqual({
          follow: `${API}/b`,
        });
      }
      expect(redirectStep(answer(status, "/b"), from, "POST", API, 0)).toEqual({
        refuse: {
          status,
          location: `${API}/b`,
          problem: `to ${API}/b with a status that would turn POST into GET; not followed`,
        },
      });
    }
  });

  it("refuses another origin, even one differing only by port or scheme", () => {
    for (const other of ["https://evil.example", "http://api.example.com", `${API}:8443`]) {
      expect(redirectStep(answer(307, `${other}/x`), from, "GET", API, 0)).toEqual({
        refuse: {
          status: 307,
          location: `${other}/x`,
          problem: `to another origin, ${other}/x; not followed, so the API key stays with ${API}`,
        },
      });
    }
  });

  it(`stops after ${MAX_REDIRECTS} hops`, () => {
    expect(redirectStep(answer(307, "/x"), from, "GET", API, MAX_REDIRECTS - 1)).toEqual({
      follow: `${API}/x`,
    });
    expect(redirectStep(answer(307, "/x"), from, "GET", API, MAX_REDIRECTS)).toEqual({
      refuse: {
        status: 307,
        location: `${API}/x`,
        problem: `more than ${MAX_REDIRECTS} times; stopped at ${API}/x`,
      },
    });
  });

  it("refuses a redirect without a Location, with one that is not a URL, and a hidden one", () => {
    expect(redirectStep(answer(303), from, "POST", API, 0)).toEqual({
      refuse: { status: 303, location: "", problem: "without a Location header; not followed" },
    });
    expect(redirectStep(answer(302, "http://[bad"), from, "GET", API, 0)).toEqual({
      refuse: {
        status: 302,
        location: "",
        problem: "to a Location that is not a URL; not followed",
      },
    });
    expect(redirectStep(answer(0, undefined, "opaqueredirect"), from, "GET", API, 0)).toEqual({
      refuse: {
        status: 0,
        location: "",
        problem: "to a location the browser does not reveal; not followed",
      },
    });
  });
});
